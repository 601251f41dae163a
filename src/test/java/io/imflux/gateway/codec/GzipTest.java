package io.imflux.gateway.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Gzip of whole frames (spec/gateway.md §9), checked against the JDK's own gzip streams. */
class GzipTest {

  @Test
  void compressedFramesAreStandardGzip() {
    Resp resp = new Resp(1001, "u1_7", "op1", 0, "", "x".repeat(5000).getBytes(StandardCharsets.UTF_8));
    byte[] plain = FrameFormat.GOB.encode(resp);
    byte[] compressed = FrameFormat.GOB_GZIP.encode(resp);
    assertThat(compressed.length).isLessThan(plain.length / 10);
    assertThat(jdkGunzip(compressed)).isEqualTo(plain);
    assertThat(compressed[0] & 0xff).isEqualTo(0x1f);
    assertThat(compressed[1] & 0xff).isEqualTo(0x8b);
  }

  /**
   * Our decision: frames up to 1 KB are stored, not deflated (one stored deflate block, still gzip for every reader);
   * deflating a few hundred bytes costs some 30 times the rest of the frame's encoding for a quarter of its size.
   */
  @Test
  void smallFramesAreStoredGzip() {
    Resp resp = new Resp(2001, "", "op", 0, "", "small push".getBytes(StandardCharsets.UTF_8));
    byte[] plain = FrameFormat.GOB.encode(resp);
    byte[] stored = FrameFormat.GOB_GZIP.encode(resp);
    assertThat(plain.length).isLessThanOrEqualTo(Gzip.STORE_UP_TO);
    assertThat(stored.length).isEqualTo(plain.length + 10 + 5 + 8);
    assertThat(jdkGunzip(stored)).isEqualTo(plain);
    int data = Gzip.STORE_UP_TO - (FrameFormat.GOB.encode(new Resp(2001, "", "", 0, "", new byte[900])).length - 900);
    Resp limit = new Resp(2001, "", "", 0, "", new byte[data]);
    assertThat(FrameFormat.GOB.encode(limit)).hasSize(Gzip.STORE_UP_TO);
    assertThat(FrameFormat.GOB_GZIP.encode(limit)).hasSize(Gzip.STORE_UP_TO + 23);
    assertThat(jdkGunzip(FrameFormat.GOB_GZIP.encode(limit))).isEqualTo(FrameFormat.GOB.encode(limit));
    Resp above = new Resp(2001, "", "", 0, "", new byte[data + 1]);
    assertThat(FrameFormat.GOB_GZIP.encode(above).length).isLessThan(Gzip.STORE_UP_TO / 2);
  }

  @Test
  void gzipFromOtherWritersDecodes() {
    Req req = new Req(1003, "", "u1", "op1", "u1_8", new byte[] {1, 2, 3});
    byte[] frame = jdkGzip(FrameFormat.GOB.encode(req));
    assertThat(FrameFormat.GOB_GZIP.decodeRequest(frame)).usingRecursiveComparison().isEqualTo(req);
  }

  @Test
  void concatenatedMembersAreOneContent() {
    byte[] plain = FrameFormat.GOB.encode(new Req(1001, "", "u1", "op1", "u1_9", new byte[] {9}));
    int half = plain.length / 2;
    byte[] first = jdkGzip(Arrays.copyOfRange(plain, 0, half));
    byte[] second = jdkGzip(Arrays.copyOfRange(plain, half, plain.length));
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    assertThat(FrameFormat.GOB_GZIP.decodeRequest(both).msgIncr()).isEqualTo("u1_9");
  }

  @Test
  void corruptTruncatedOrPlainFramesAreRejected() {
    byte[] frame = FrameFormat.GOB_GZIP.encode(new Req(1001, "", "u1", "op1", "u1_7", new byte[] {1}));
    byte[] badCrc = frame.clone();
    badCrc[badCrc.length - 6] ^= 0x55;
    assertThatThrownBy(() -> FrameFormat.GOB_GZIP.decodeRequest(badCrc)).isInstanceOf(CodecException.class)
        .hasMessageContaining("checksum");
    byte[] truncated = Arrays.copyOf(frame, frame.length - 4);
    assertThatThrownBy(() -> FrameFormat.GOB_GZIP.decodeRequest(truncated)).isInstanceOf(CodecException.class);
    byte[] plain = FrameFormat.GOB.encode(new Req(1001, "", "u1", "op1", "u1_7", new byte[] {1}));
    assertThatThrownBy(() -> FrameFormat.GOB_GZIP.decodeRequest(plain)).isInstanceOf(CodecException.class)
        .hasMessageContaining("header");
  }

  @Test
  void contentInflatingBeyondTheLimitIsRejected() {
    byte[] bomb = jdkGzip(new byte[FrameFormat.MAX_CONTENT + 1]);
    assertThat(bomb.length).isLessThan(51200);
    assertThatThrownBy(() -> FrameFormat.GOB_GZIP.decodeRequest(bomb)).isInstanceOf(CodecException.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void compressorStateIsReusedAcrossFrames() {
    for (int i = 0; i < 100; i++) {
      Resp resp = new Resp(2001, "", "op" + i, 0, "", ("message " + i).getBytes(StandardCharsets.UTF_8));
      assertThat(FrameFormat.GOB_GZIP.decodeResponse(FrameFormat.GOB_GZIP.encode(resp)))
          .usingRecursiveComparison().isEqualTo(resp);
    }
  }

  static byte[] jdkGzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] jdkGunzip(byte[] bytes) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
