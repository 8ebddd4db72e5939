package dev.parallax.compare;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.parallax.warehouse.schema.QuotedSpeakersColumns;
import dev.parallax.warehouse.schema.QuotesColumns;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The {@code quoted_speakers} table: whom each source lets speak in a story, from the quotes table.
 *
 * <p>Grain: story × source × speaker, where the speaker is the canonical name from the speakers map
 * when the speaker as written matched an alias ({@code in_speakers_map} true; affiliation, country
 * and type from the map), else the speaker as written (so "officials" and "Officials" are two rows
 * until the map merges them), and null for quotes without a speaker. Columns: quotes (direct quotes
 * plus attributed statements), direct_quotes, attributed_statements, articles (distinct articles
 * quoting the speaker), source_quotes (every quote of the source in the story, unattributed ones
 * included), share_of_source_quotes = quotes / source_quotes, toned_quotes and tone_mean (mean tone
 * of the quotes with a tone; null without one), rank_in_source (1 = most quoted; ties by speaker
 * name, null last).
 */
public final class QuotedSpeakers {
  private QuotedSpeakers() {}

  /** The table ({@link QuotedSpeakersColumns#SCHEMA}) from rows of the quotes table. */
  public static Dataset<Row> compute(Dataset<Row> quotes) {
    Column speaker =
        coalesce(col(QuotesColumns.SPEAKER_CANONICAL), col(QuotesColumns.SPEAKER))
            .as(QuotedSpeakersColumns.SPEAKER);
    Column mapped = col(QuotesColumns.SPEAKER_CANONICAL).isNotNull();
    Dataset<Row> bySpeaker =
        quotes
            .groupBy(col(QuotesColumns.STORY), col(QuotesColumns.SOURCE), speaker)
            .agg(
                max(when(mapped, col(QuotesColumns.AFFILIATION)))
                    .as(QuotedSpeakersColumns.AFFILIATION),
                max(when(mapped, col(QuotesColumns.SPEAKER_COUNTRY)))
                    .as(QuotedSpeakersColumns.SPEAKER_COUNTRY),
                max(when(mapped, col(QuotesColumns.SPEAKER_TYPE)))
                    .as(QuotedSpeakersColumns.SPEAKER_TYPE),
                max(mapped).as(QuotedSpeakersColumns.IN_SPEAKERS_MAP),
                count(lit(1)).as(QuotedSpeakersColumns.QUOTES),
                sum(when(col(QuotesColumns.KIND).equalTo(QuotesColumns.DIRECT), 1).otherwise(0))
                    .cast("bigint")
                    .as(QuotedSpeakersColumns.DIRECT_QUOTES),
                sum(when(col(QuotesColumns.KIND).equalTo(QuotesColumns.ATTRIBUTED), 1).otherwise(0))
                    .cast("bigint")
                    .as(QuotedSpeakersColumns.ATTRIBUTED_STATEMENTS),
                countDistinct(col(QuotesColumns.ARTICLE_ID)).as(QuotedSpeakersColumns.ARTICLES),
                count(col(QuotesColumns.TONE)).as(QuotedSpeakersColumns.TONED_QUOTES),
                avg(col(QuotesColumns.TONE)).as(QuotedSpeakersColumns.TONE_MEAN));
    WindowSpec source =
        Window.partitionBy(QuotedSpeakersColumns.STORY, QuotedSpeakersColumns.SOURCE);
    WindowSpec ranked =
        source.orderBy(
            col(QuotedSpeakersColumns.QUOTES).desc(),
            col(QuotedSpeakersColumns.SPEAKER).asc_nulls_last());
    return bySpeaker
        .withColumn(
            QuotedSpeakersColumns.SOURCE_QUOTES,
            sum(col(QuotedSpeakersColumns.QUOTES)).over(source).cast("bigint"))
        .withColumn(
            QuotedSpeakersColumns.SHARE_OF_SOURCE_QUOTES,
            col(QuotedSpeakersColumns.QUOTES)
                .cast("double")
                .divide(col(QuotedSpeakersColumns.SOURCE_QUOTES)))
        .withColumn(QuotedSpeakersColumns.RANK_IN_SOURCE, row_number().over(ranked).cast("bigint"))
        .select(
            Arrays.stream(QuotedSpeakersColumns.SCHEMA.fieldNames())
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
  }
}
