package dev.parallax.warehouse;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.model.ObjectMetadata;
import com.amazonaws.services.s3.model.PutObjectRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.s3a.S3AFileSystem;

/**
 * What S3 offers that Hadoop's S3A file system (3.3) does not expose: the conditional write {@code
 * PUT … If-None-Match: *}, which creates an object only if no object has its key, as one atomic
 * step on the server (AWS S3 since 2024; 412 Precondition Failed when the key exists, 409 when
 * another conditional write to it is in flight). Requests go through the S3A file system's own
 * client, so endpoint, credentials and path-style settings are the warehouse's {@code fs.s3a.*}.
 * Kept apart from {@link Storage} so that the AWS SDK is loaded only for {@code s3a:} warehouses.
 */
final class S3Objects {
  private S3Objects() {}

  /**
   * Creates the object of {@code p} with {@code content} unless one exists.
   *
   * @return false when the store refused because the key exists
   */
  static boolean putIfAbsent(FileSystem fs, Path p, byte[] content) throws IOException {
    S3AFileSystem s3 = (S3AFileSystem) fs;
    AmazonS3 client = s3.getAmazonS3ClientForTesting("conditional create of " + p);
    ObjectMetadata meta = new ObjectMetadata();
    meta.setContentLength(content.length);
    PutObjectRequest put =
        new PutObjectRequest(
            s3.getBucket(),
            s3.pathToKey(s3.makeQualified(p)),
            new ByteArrayInputStream(content),
            meta);
    put.putCustomRequestHeader("If-None-Match", "*");
    try {
      client.putObject(put);
      return true;
    } catch (AmazonServiceException e) {
      if (e.getStatusCode() == 412 || e.getStatusCode() == 409) {
        return false;
      }
      throw new IOException("conditional create of " + p + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Whether the store enforces {@code If-None-Match: *}: creates a probe object under {@code dir}
   * conditionally twice (the second must be refused), then deletes it. AWS S3 enforces it; some
   * S3-compatible servers ignore the header and overwrite.
   */
  static boolean probeConditionalWrites(FileSystem fs, Path dir) {
    Path probe = new Path(dir, ".probe-" + UUID.randomUUID());
    byte[] body = "conditional write probe".getBytes(StandardCharsets.UTF_8);
    try {
      boolean first = putIfAbsent(fs, probe, body);
      boolean second = putIfAbsent(fs, probe, body);
      fs.delete(probe, false);
      return first && !second;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot write under " + dir + " (the run lock lives there): " + e.getMessage(), e);
    }
  }
}
