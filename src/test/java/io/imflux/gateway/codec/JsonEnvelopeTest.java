package io.imflux.gateway.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JSON envelope of sdkType=js (spec/gateway.md §8). */
class JsonEnvelopeTest {

  @Test
  void replyHasAllSixKeysAndBase64Data() {
    Resp resp = new Resp(1001, "u1_7", "op1", 0, "", new byte[] {0x0a, 0x02, 0x75, 0x31});
    assertThat(text(FrameFormat.JSON.encode(resp))).isEqualTo(
        "{\"reqIdentifier\":1001,\"msgIncr\":\"u1_7\",\"operationID\":\"op1\",\"errCode\":0,\"errMsg\":\"\","
            + "\"data\":\"CgJ1MQ==\"}");
  }

  @Test
  void emptyDataIsNull() {
    assertThat(text(FrameFormat.JSON.encode(new Resp(2002, "", "", 0, "", new byte[0])))).isEqualTo(
        "{\"reqIdentifier\":2002,\"msgIncr\":\"\",\"operationID\":\"\",\"errCode\":0,\"errMsg\":\"\",\"data\":null}");
  }

  @Test
  void requestKeysAreCaseInsensitiveAndUnknownKeysIgnored() {
    String json = "{\"ReqIdentifier\":1001,\"token\":\"\",\"SENDID\":\"u1\",\"operationID\":\"op1\","
        + "\"msgIncr\":\"u1_7\",\"data\":\"CgJ1MQ==\",\"extra\":[1,2]}";
    Req req = FrameFormat.JSON.decodeRequest(json.getBytes(StandardCharsets.UTF_8));
    assertThat(req.reqIdentifier()).isEqualTo(1001);
    assertThat(req.sendID()).isEqualTo("u1");
    assertThat(req.data()).containsExactly(0x0a, 0x02, 0x75, 0x31);
  }

  @Test
  void gzippedJsonRoundTrips() {
    Req req = new Req(1003, "", "u1", "op1", "u1_8", new byte[] {5, 6});
    assertThat(FrameFormat.JSON_GZIP.decodeRequest(FrameFormat.JSON_GZIP.encode(req)))
        .usingRecursiveComparison().isEqualTo(req);
  }

  @Test
  void invalidJsonOrTypesAreRejected() {
    for (String bad : new String[] {"{", "[]", "{\"reqIdentifier\":\"1001\"}", "{\"reqIdentifier\":1.5}",
        "{\"data\":\"%%%\"}"}) {
      assertThatThrownBy(() -> FrameFormat.JSON.decodeRequest(bad.getBytes(StandardCharsets.UTF_8)))
          .as(bad).isInstanceOf(CodecException.class);
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
