/**
 * The column contract of the warehouse tables: one class per table ({@code ArticlesColumns}, {@code
 * SentencesColumns}, …, {@code RunsColumns}) holding the table's column names as {@code String}
 * constants and the Spark {@code StructType} of its files as {@code SCHEMA}, plus {@link
 * dev.parallax.warehouse.schema.ThemeIds} for the theme ids with a meaning of their own. Every
 * stage, the report and the tests name columns through these constants, so a column is spelt once;
 * {@code TablesDocTest} checks each {@code SCHEMA} against {@code columns.tsv} (names, order, types
 * as {@code DESCRIBE} prints them) and the compare tests check each transform's output against its
 * table's {@code SCHEMA}.
 *
 * <p>Why this shape. Plain constants in a final class are what Spark's Java API takes anywhere a
 * column is named ({@code col(...)}, {@code select(...)}, {@code Row.getAs(...)}), read as the
 * column they name, and cost nothing at run time; an enum per table would need {@code .name()} or a
 * getter at every use. The classes are named {@code <Table>Columns} rather than {@code
 * <Table>Table} so they do not clash with the stage classes that compute a table ({@code
 * compare.StanceDifference}) or with {@link dev.parallax.warehouse.RunsTable}, and read as what
 * they hold: {@code StanceDifferenceColumns.TONE_DIFF}.
 *
 * <p>Rows by position. Code that builds rows in a hot loop does it through a table's {@code row()}
 * builder ({@code SentencesColumns.row().articleId(…).tone(…).build()}), whose setters write to
 * positions taken from {@code SCHEMA} once, at class initialisation: no literal position and no
 * lookup by name per row. Code that reads rows by position takes the positions from the list of
 * columns it selected, once ({@code INPUT.indexOf(TONE)}), for the same reason.
 *
 * <p>Nullability. Where a stage builds rows with {@code SCHEMA} (articles, rejects, sentences,
 * stance_by_source, stance_difference, runs) its nullability is what the files record. The tables
 * compare computes from Spark expressions (theme_frequency, distinctive_terms, source_summary) get
 * their nullability from Spark's plan, which depends on the input's; their {@code SCHEMA} declares
 * every column nullable and fixes names, order and types only.
 */
package dev.parallax.warehouse.schema;
