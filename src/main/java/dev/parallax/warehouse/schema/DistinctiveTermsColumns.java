package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * The {@code distinctive_terms} table: story × source × term. Column names and the Spark schema of
 * the files, in column order (the {@code run_date} partition column is not stored in the files);
 * meanings in columns.tsv. Computed by compare from Spark expressions, which set each column's
 * nullability; {@link #SCHEMA} fixes names, order and types.
 */
public final class DistinctiveTermsColumns {
  private DistinctiveTermsColumns() {}

  public static final String STORY = "story";
  public static final String SOURCE = "source";
  public static final String LANGUAGE = "language";
  public static final String TERM = "term";
  public static final String NGRAM = "ngram";
  public static final String COUNT_SOURCE = "count_source";
  public static final String COUNT_REST = "count_rest";
  public static final String COUNT_STORY = "count_story";
  public static final String SOURCE_TERMS = "source_terms";
  public static final String REST_TERMS = "rest_terms";
  public static final String PRIOR_ALPHA = "prior_alpha";
  public static final String LOG_ODDS = "log_odds";
  public static final String Z_SCORE = "z_score";
  public static final String RANK = "rank";

  public static final StructType SCHEMA =
      new StructType()
          .add(STORY, StringType)
          .add(SOURCE, StringType)
          .add(LANGUAGE, StringType)
          .add(TERM, StringType)
          .add(NGRAM, LongType)
          .add(COUNT_SOURCE, LongType)
          .add(COUNT_REST, LongType)
          .add(COUNT_STORY, LongType)
          .add(SOURCE_TERMS, LongType)
          .add(REST_TERMS, LongType)
          .add(PRIOR_ALPHA, DoubleType)
          .add(LOG_ODDS, DoubleType)
          .add(Z_SCORE, DoubleType)
          .add(RANK, LongType);
}
