package dev.parallax.stories;

import dev.parallax.TestSpark;
import dev.parallax.config.StoryDefinition;
import dev.parallax.warehouse.schema.ArticlesColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Articles rows (the articles table's schema) for the stories tests; all invented. */
final class StoryFixtures {
  private StoryFixtures() {}

  /** One article; {@code kind} null means it declares no story. */
  record A(
      String id,
      String source,
      String language,
      String published,
      String story,
      String kind,
      String text) {
    Row row() {
      Object[] v = new Object[ArticlesColumns.SCHEMA.size()];
      v[i(ArticlesColumns.ARTICLE_ID)] = id;
      v[i(ArticlesColumns.STORY)] = story;
      v[i(ArticlesColumns.SOURCE)] = source;
      v[i(ArticlesColumns.PUBLISHED_AT)] =
          published == null ? null : Timestamp.from(Instant.parse(published));
      v[i(ArticlesColumns.LANGUAGE)] = language;
      v[i(ArticlesColumns.SYNTHETIC)] = true;
      v[i(ArticlesColumns.TEXT)] = text;
      v[i(ArticlesColumns.N_CHARS)] = (long) text.length();
      v[i(ArticlesColumns.N_WORDS)] = (long) text.split(" ", -1).length;
      v[i(ArticlesColumns.CONTENT_SHA256)] = id;
      v[i(ArticlesColumns.INPUT_FILE)] = "/fixture/" + id;
      v[i(ArticlesColumns.RECORD_REF)] = "file";
      v[i(ArticlesColumns.RECORD_INDEX)] = 0L;
      v[i(ArticlesColumns.WARNINGS)] = scala.collection.immutable.Nil$.MODULE$;
      v[i(ArticlesColumns.STORY_KIND)] = kind;
      v[i(ArticlesColumns.STORY_SIMILARITY)] =
          ArticlesColumns.KIND_SEEDED.equals(kind) ? 1.0 : null;
      return RowFactory.create(v);
    }

    private static int i(String column) {
      return ArticlesColumns.SCHEMA.fieldIndex(column);
    }
  }

  /** An article that declares no story (its story is the default until assigned). */
  static A open(String id, String source, String language, String published, String text) {
    return new A(id, source, language, published, "default", null, text);
  }

  static A seed(String id, String story, String text) {
    return new A(
        id, "seed-file", "en", "2025-02-06T00:00:00Z", story, ArticlesColumns.KIND_SEEDED, text);
  }

  static A declared(String id, String source, String story, String text) {
    return new A(
        id, source, "en", "2025-02-08T00:00:00Z", story, ArticlesColumns.KIND_DECLARED, text);
  }

  /** The articles, in the articles schema with every column nullable (as ingest's rows are). */
  static Dataset<Row> frame(A... articles) {
    StructType nullable =
        new StructType(
            Arrays.stream(ArticlesColumns.SCHEMA.fields())
                .map(f -> f.copy(f.name(), f.dataType(), true, f.metadata()))
                .toArray(StructField[]::new));
    return TestSpark.get().createDataFrame(Arrays.stream(articles).map(A::row).toList(), nullable);
  }

  static StoryDefinition story(String id) {
    return new StoryDefinition(id, List.of("seed.txt"), List.of(), null, null, null);
  }

  static EntityLexicon builtinLexicon() {
    return EntityLexicon.load(dev.parallax.config.ConfigLoader.load(null, java.util.Map.of()));
  }

  static StoryAssignment.Params params(List<StoryDefinition> stories, boolean auto) {
    return new StoryAssignment.Params(stories, 0.23, auto, 0.25, 3, builtinLexicon());
  }
}
