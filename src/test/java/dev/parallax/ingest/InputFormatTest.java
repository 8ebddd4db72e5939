package dev.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputFormatTest {
  @ParameterizedTest
  @CsvSource({
    "a.jsonl, JSONL",
    "a.ndjson, JSONL",
    "A.JSONL.GZ, JSONL",
    "a.json, JSON",
    "a.json.gz, JSON",
    "a.csv, CSV",
    "a.txt, TEXT",
    "a.md, TEXT",
    "a.markdown, TEXT",
    "a.txt.gz, TEXT",
    "a.html, HTML",
    "a.htm, HTML",
    "a.parquet, PARQUET",
    "crawl.warc, WARC",
    "CC-NEWS-20250207.warc.gz, WARC",
    "crawl.wet, WET",
    "crawl.wet.gz, WET",
    "CC-MAIN-20250207.warc.wet.gz, WET",
    "dir/part-0.snappy.parquet, PARQUET",
    "a.docx, UNKNOWN",
    "a.xml, UNKNOWN",
    "a.gz, UNKNOWN",
    "README, UNKNOWN",
    "a.jsonl.zip, UNKNOWN"
  })
  void formatFollowsTheExtension(String name, InputFormat expected) {
    assertEquals(expected, InputFormat.of(name));
  }

  @Test
  void gzipIsTheTrailingGz() {
    assertTrue(InputFormat.isGzip("a.jsonl.gz"));
    assertTrue(InputFormat.isGzip("A.TXT.GZ"));
    assertFalse(InputFormat.isGzip("a.gzip"));
    assertFalse(InputFormat.isGzip("a.jsonl"));
  }
}
