package io.imflux.gateway.codec;

/**
 * A request envelope (spec/gateway.md §6.1): what the client asks for, the correlation IDs to echo, and the
 * protobuf payload. {@code token} is carried but never used.
 */
public record Req(int reqIdentifier, String token, String sendID, String operationID, String msgIncr, byte[] data) {}
