package io.imflux.gateway.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.imflux.api.ImError;
import io.imflux.api.json.GoJsonReader;
import io.imflux.api.json.GoJsonWriter;
import io.imflux.proto.gateway.JsonReq;
import io.imflux.proto.gateway.JsonResp;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON envelope of {@code sdkType=js} (spec/gateway.md §8), read and written with Go's JSON rules like every
 * other JSON body: keys matched case-insensitively, {@code data} standard base64, {@code null} when empty.
 */
final class JsonEnvelope implements EnvelopeCodec {

  static final JsonEnvelope INSTANCE = new JsonEnvelope();

  private JsonEnvelope() {}

  @Override
  public int encode(Resp resp, Scratch out) {
    return put(GoJsonWriter.write(JsonResp.newBuilder()
        .setReqIdentifier(resp.reqIdentifier())
        .setMsgIncr(resp.msgIncr())
        .setOperationID(resp.operationID())
        .setErrCode(resp.errCode())
        .setErrMsg(resp.errMsg())
        .setData(ByteString.copyFrom(resp.data()))
        .build()), out);
  }

  @Override
  public Req decodeRequest(byte[] bytes, int offset, int length) {
    JsonReq req = read(bytes, offset, length, JsonReq.getDefaultInstance());
    return new Req(req.getReqIdentifier(), req.getToken(), req.getSendID(), req.getOperationID(), req.getMsgIncr(),
        req.getData().toByteArray());
  }

  @Override
  public int encode(Req req, Scratch out) {
    return put(GoJsonWriter.write(JsonReq.newBuilder()
        .setReqIdentifier(req.reqIdentifier())
        .setToken(req.token())
        .setSendID(req.sendID())
        .setOperationID(req.operationID())
        .setMsgIncr(req.msgIncr())
        .setData(ByteString.copyFrom(req.data()))
        .build()), out);
  }

  @Override
  public Resp decodeResponse(byte[] bytes, int offset, int length) {
    JsonResp resp = read(bytes, offset, length, JsonResp.getDefaultInstance());
    return new Resp(resp.getReqIdentifier(), resp.getMsgIncr(), resp.getOperationID(), resp.getErrCode(),
        resp.getErrMsg(), resp.getData().toByteArray());
  }

  private static int put(String json, Scratch out) {
    int start = out.length;
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    out.put(utf8, 0, utf8.length);
    return start;
  }

  private static <T extends Message> T read(byte[] bytes, int offset, int length, T prototype) {
    try {
      return GoJsonReader.read(Arrays.copyOfRange(bytes, offset, offset + length), prototype).message();
    } catch (ImError e) {
      throw new CodecException("json: " + e.detail());
    }
  }
}
