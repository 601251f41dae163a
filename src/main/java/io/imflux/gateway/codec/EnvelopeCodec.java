package io.imflux.gateway.codec;

/**
 * One envelope encoding (spec/gateway.md §5): gob or JSON. The server encodes replies and decodes requests; clients
 * (tests, the benchmark's load generator) do the opposite, so both directions are here.
 */
interface EnvelopeCodec {

  /** Appends the encoded reply to {@code out}; returns where in {@code out} it starts (it ends at its length). */
  int encode(Resp resp, Scratch out);

  Req decodeRequest(byte[] bytes, int offset, int length);

  int encode(Req req, Scratch out);

  Resp decodeResponse(byte[] bytes, int offset, int length);
}
