package io.imflux.api;

import com.google.protobuf.Message;
import io.imflux.api.json.GoJsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The response envelope {@code {"errCode","errMsg","errDlt","data"}} (spec/common.md §2) in the active dialect. This
 * is the one place an {@link ImError} becomes numbers.
 */
@Component
public class ApiResponses {

  private final Dialect dialect;

  public ApiResponses(Dialect dialect) {
    this.dialect = dialect;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Success with a message; {@code data} is left out when the message type has no fields. */
  public byte[] success(@Nullable Message data) {
    StringBuilder out = head(0, dialect.successMsg(), "");
    if (data != null && !data.getDescriptorForType().getFields().isEmpty()) {
      out.append(",\"data\":");
      GoJsonWriter.writeMessage(data, out);
    }
    return finish(out);
  }

  /** Success whose {@code data} is a JSON array (the online-status routes). */
  public byte[] successList(List<? extends Message> data) {
    StringBuilder out = head(0, dialect.successMsg(), "");
    out.append(",\"data\":");
    GoJsonWriter.writeList(data, out);
    return finish(out);
  }

  /** Success whose {@code data} is bytes, as Go writes them: a base64 string (the {@code /jssdk/*} protobuf mode). */
  public byte[] successBase64(byte[] data) {
    StringBuilder out = head(0, dialect.successMsg(), "");
    out.append(",\"data\":\"").append(Base64.getEncoder().encodeToString(data)).append('"');
    return finish(out);
  }

  public byte[] error(ImError error) {
    return finish(head(dialect.errCode(error.kind()), dialect.errMsg(error.kind()), dialect.errDlt(error)));
  }

  /** Writes an error envelope straight to the exchange (used before routing, by the filter). */
  public Mono<Void> writeError(ServerHttpResponse response, ImError error) {
    return write(response, HttpStatus.OK, error(error));
  }

  public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, byte[] body) {
    response.setStatusCode(status);
    HttpHeaders headers = response.getHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setContentLength(body.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  private static StringBuilder head(int code, String msg, String detail) {
    StringBuilder out = new StringBuilder(160);
    out.append("{\"errCode\":").append(code).append(",\"errMsg\":");
    GoJsonWriter.writeString(msg, out);
    out.append(",\"errDlt\":");
    GoJsonWriter.writeString(detail, out);
    return out;
  }

  private static byte[] finish(StringBuilder out) {
    return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }
}
