package io.imflux.bench.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The frame gzip interoperates with the JDK's RFC 1952 streams both ways and refuses corrupt frames. */
class GzipTest {

  @Test
  void roundTripsAndInteroperatesWithTheJdk() throws IOException {
    Random random = new Random(1);
    for (int size : new int[] {0, 1, 300, 5000, 200_000}) {
      byte[] content = new byte[size];
      for (int i = 0; i < size; i++) {
        content[i] = (byte) ('a' + random.nextInt(8));
      }
      assertArrayEquals(content, Gzip.decompress(Gzip.compress(content)));
      assertArrayEquals(content, new GZIPInputStream(new ByteArrayInputStream(Gzip.compress(content))).readAllBytes());
      ByteArrayOutputStream jdk = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(jdk)) {
        gzip.write(content);
      }
      assertArrayEquals(content, Gzip.decompress(jdk.toByteArray()));
    }
  }

  @Test
  void refusesCorruptFrames() {
    byte[] frame = Gzip.compress("hello hello hello".getBytes());
    byte[] badCrc = frame.clone();
    badCrc[badCrc.length - 5] ^= 1;
    assertThrows(IllegalArgumentException.class, () -> Gzip.decompress(badCrc));
    assertThrows(IllegalArgumentException.class, () -> Gzip.decompress("not gzip at all, really".getBytes()));
    assertThrows(IllegalArgumentException.class,
        () -> Gzip.decompress(java.util.Arrays.copyOf(frame, frame.length - 3)));
  }
}
