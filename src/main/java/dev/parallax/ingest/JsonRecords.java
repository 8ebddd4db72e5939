package dev.parallax.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Records of JSON and JSON Lines files; nested values become their JSON text, nulls are left out.
 */
final class JsonRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonRecords() {}

  /**
   * The record of one non-blank line of a JSON Lines file, {@code bytes[from, to)} without its line
   * break, checked for NUL bytes and UTF-8 on its own, so one bad line costs only itself.
   */
  static RawRecord fromLine(String file, String ref, byte[] bytes, int from, int to) {
    String raw = RecordReader.excerpt(bytes, from, to);
    if (RecordReader.hasNul(bytes, from, to)) {
      return RawRecord.unreadable(
          file, ref, Reasons.BINARY_CONTENT, "line contains NUL bytes: binary, not text", raw);
    }
    try {
      return fromJson(file, ref, RecordReader.decodeStrict(bytes, from, to), raw);
    } catch (CharacterCodingException e) {
      return RawRecord.unreadable(
          file, ref, Reasons.INVALID_ENCODING, "line is not valid UTF-8 text", raw);
    }
  }

  private static RawRecord fromJson(String file, String ref, String json, String raw) {
    JsonNode node;
    try {
      node = JSON.readTree(RecordReader.stripBom(json));
    } catch (JsonProcessingException e) {
      return RawRecord.unreadable(
          file, ref, Reasons.MALFORMED_JSON, "not valid JSON: " + e.getOriginalMessage(), raw);
    }
    if (node == null || !node.isObject()) {
      return RawRecord.unreadable(
          file,
          ref,
          Reasons.NOT_AN_OBJECT,
          "expected a JSON object with fields, found "
              + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)),
          raw);
    }
    return RawRecord.ok(file, ref, fieldsOf(node), raw);
  }

  /**
   * The records of a JSON file: one object, an array of objects, {@code {"articles": [...]}}, or
   * several top-level objects in a row; what follows a syntax error is one unreadable record.
   */
  static List<RawRecord> readJson(String file, String text) {
    List<JsonNode> roots = new ArrayList<>();
    try (JsonParser parser = JSON.getFactory().createParser(RecordReader.stripBom(text))) {
      while (parser.nextToken() != null) {
        roots.add(JSON.readTree(parser));
      }
    } catch (IOException | RuntimeException e) {
      String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      List<RawRecord> out = new ArrayList<>();
      if (!roots.isEmpty()) {
        out.addAll(itemsOf(file, roots));
      }
      out.add(
          RawRecord.unreadable(
              file,
              roots.isEmpty() ? "file" : "item " + (out.size() + 1),
              Reasons.MALFORMED_JSON,
              "not valid JSON" + (roots.isEmpty() ? "" : " after item " + out.size()) + ": " + msg,
              RecordReader.excerpt(text)));
      return out;
    }
    if (roots.size() == 1) {
      JsonNode root = roots.get(0);
      if (root.isObject() && root.has("articles") && root.get("articles").isArray()) {
        root = root.get("articles");
      }
      if (root.isArray()) {
        List<JsonNode> items = new ArrayList<>();
        root.forEach(items::add);
        if (items.isEmpty()) {
          return RecordReader.wholeFile(
              file, Reasons.EMPTY_FILE, "JSON array is empty", RecordReader.excerpt(text));
        }
        return itemsOf(file, items);
      }
      if (!root.isObject()) {
        return RecordReader.wholeFile(
            file,
            Reasons.NOT_AN_OBJECT,
            "expected a JSON object or an array of objects",
            RecordReader.excerpt(text));
      }
    }
    return itemsOf(file, roots);
  }

  private static List<RawRecord> itemsOf(String file, List<JsonNode> items) {
    List<RawRecord> out = new ArrayList<>();
    int i = 0;
    for (JsonNode item : items) {
      i++;
      String ref = "item " + i;
      if (item.isObject()) {
        out.add(RawRecord.ok(file, ref, fieldsOf(item), RecordReader.excerpt(item.toString())));
      } else {
        out.add(
            RawRecord.unreadable(
                file,
                ref,
                Reasons.NOT_AN_OBJECT,
                "item is a "
                    + item.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", expected an object",
                RecordReader.excerpt(item.toString())));
      }
    }
    return out;
  }

  private static Map<String, String> fieldsOf(JsonNode obj) {
    Map<String, String> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isNull() || v.isMissingNode()) {
        continue;
      }
      fields.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
    }
    return fields;
  }
}
