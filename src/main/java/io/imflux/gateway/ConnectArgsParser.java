package io.imflux.gateway;

import io.imflux.api.Dialect;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Platform;
import io.imflux.api.json.GoJsonReader;
import io.imflux.gateway.codec.FrameFormat;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the upgrade's parameters in the reference's order of checks (spec/gateway.md §2, §3.1 check 2): query mode,
 * or JSON mode when {@code v} is present. Every failure is the 1602 of §3.1 naming the check, except an
 * unparsable {@code isBackground}, which is the reference's 500 (quirk).
 */
final class ConnectArgsParser {

  private static final String GZIP = "gzip";
  private static final String SDK_GO = "go";
  private static final String SDK_JS = "js";

  private ConnectArgsParser() {}

  /**
   * @param query           decoded query parameters, first value per key as Go's {@code url.Values.Get}
   * @param compressionHeader the {@code compression} header, read when the query has none
   */
  static ConnectArgs parse(Map<String, List<String>> query, @Nullable String compressionHeader, Dialect dialect) {
    String v = get(query, "v");
    if (!v.isEmpty()) {
      return fromJson(v, dialect);
    }
    long platformID = parseInt(get(query, "platformID"));
    boolean sendResponse = false;
    String isMsgResp = get(query, "isMsgResp");
    if (!isMsgResp.isEmpty()) {
      sendResponse = parseBool(isMsgResp).orElseThrow(() -> args("isMsgResp is not bool"));
    }
    String compression = get(query, "compression");
    if (compression.isEmpty() && compressionHeader != null) {
      compression = compressionHeader;
    }
    // The reference fails a missing isBackground with 500; imflux reads it as false (§20 Q1).
    String isBackground = get(query, "isBackground");
    boolean background = isBackground.isEmpty() ? false : parseBool(isBackground).orElseThrow(() ->
        new ImError(ErrorKind.INTERNAL, "strconv.ParseBool: parsing \"" + isBackground + "\": invalid syntax"));
    return check(get(query, "sendID"), get(query, "token"), platformID, get(query, "operationID"), compression,
        get(query, "sdkType"), sendResponse, background, get(query, "sdkVersion"), dialect);
  }

  private static ConnectArgs fromJson(String v, Dialect dialect) {
    byte[] json;
    try {
      if (v.indexOf('=') >= 0) {
        throw new IllegalArgumentException("padding");
      }
      json = Base64.getUrlDecoder().decode(v);
    } catch (IllegalArgumentException e) {
      throw args("data is not base64");
    }
    io.imflux.proto.gateway.ConnectArgs info;
    try {
      info = GoJsonReader.read(json, io.imflux.proto.gateway.ConnectArgs.getDefaultInstance()).message();
    } catch (ImError e) {
      throw args("data is not json");
    }
    return check(info.getUserID(), info.getToken(), info.getPlatformID(), info.getOperationID(),
        info.getCompression(), info.getSdkType(), info.getSendResponse(), info.getBackground(), info.getSdkVersion(),
        dialect);
  }

  private static ConnectArgs check(String userID, String token, long platformID, String operationID,
      String compression, String sdkType, boolean sendResponse, boolean background, String sdkVersion,
      Dialect dialect) {
    if (operationID.isEmpty()) {
      throw args("operationID is empty");
    }
    if (token.isEmpty()) {
      throw args("token is empty");
    }
    if (userID.isEmpty()) {
      throw args("sendID is empty");
    }
    Platform platform = platformID < 1 || platformID > Integer.MAX_VALUE ? null
        : dialect.platform((int) platformID).orElse(null);
    if (platform == null) {
      throw args("platformID is invalid");
    }
    boolean json = switch (sdkType) {
      case "", SDK_GO -> false;
      case SDK_JS -> true;
      default -> throw args("sdkType is invalid");
    };
    return new ConnectArgs(userID, token, platform, (int) platformID, operationID,
        FrameFormat.of(json, GZIP.equals(compression)), sendResponse, background, sdkVersion);
  }

  private static String get(Map<String, List<String>> query, String key) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  /** Go's {@code strconv.Atoi}: an optional sign and decimal digits, within 64 bits. */
  private static long parseInt(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw args("platformID is not int");
    }
  }

  /** Go's {@code strconv.ParseBool}. */
  static Optional<Boolean> parseBool(String text) {
    return switch (text) {
      case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
      case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static ImError args(String detail) {
    return new ImError(ErrorKind.CONN_ARGS, detail);
  }
}
