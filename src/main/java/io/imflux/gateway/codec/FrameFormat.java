package io.imflux.gateway.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * How one connection's binary frames are made (spec/gateway.md §5, §9): the envelope encoding chosen by
 * {@code sdkType} and whether every frame is gzipped. A push is encoded once per format in use, not per connection.
 */
public enum FrameFormat {
  GOB(GobEnvelope.INSTANCE, false),
  GOB_GZIP(GobEnvelope.INSTANCE, true),
  JSON(JsonEnvelope.INSTANCE, false),
  JSON_GZIP(JsonEnvelope.INSTANCE, true);

  /**
   * The largest request content after gunzip. The frame itself is at most 51200 bytes (§14); content that inflates
   * far beyond any real request is refused rather than buffered.
   */
  static final int MAX_CONTENT = 4 * 1024 * 1024;

  private final EnvelopeCodec envelope;
  private final boolean gzip;

  FrameFormat(EnvelopeCodec envelope, boolean gzip) {
    this.envelope = envelope;
    this.gzip = gzip;
  }

  public static FrameFormat of(boolean json, boolean gzip) {
    if (json) {
      return gzip ? JSON_GZIP : JSON;
    }
    return gzip ? GOB_GZIP : GOB;
  }

  public boolean gzip() {
    return gzip;
  }

  /** A reply or push as the bytes of one binary frame. */
  public byte[] encode(Resp resp) {
    Scratch out = Scratch.ENVELOPE.get().reset();
    int start = envelope.encode(resp, out);
    return finish(out, start);
  }

  /** A request as a client sends it (tests and load generators). */
  public byte[] encode(Req req) {
    Scratch out = Scratch.ENVELOPE.get().reset();
    int start = envelope.encode(req, out);
    return finish(out, start);
  }

  /** The request in one binary frame; {@link CodecException} when it does not gunzip or decode. */
  public Req decodeRequest(ByteBuf frame) {
    Scratch content = content(frame);
    return envelope.decodeRequest(content.bytes, 0, content.length);
  }

  public Req decodeRequest(byte[] frame) {
    return decodeRequest(Unpooled.wrappedBuffer(frame));
  }

  /** The reply or push in one binary frame (tests and load generators). */
  public Resp decodeResponse(ByteBuf frame) {
    Scratch content = content(frame);
    return envelope.decodeResponse(content.bytes, 0, content.length);
  }

  public Resp decodeResponse(byte[] frame) {
    return decodeResponse(Unpooled.wrappedBuffer(frame));
  }

  private byte[] finish(Scratch out, int start) {
    if (!gzip) {
      return Arrays.copyOfRange(out.bytes, start, out.length);
    }
    Scratch compressed = Scratch.COMPRESSION.get().reset();
    Gzip.compress(out.bytes, start, out.length - start, compressed);
    return compressed.toArray();
  }

  /** The frame's envelope bytes, gunzipped when the format says so, in a per-thread buffer. */
  private Scratch content(ByteBuf frame) {
    int length = frame.readableBytes();
    Scratch content = Scratch.ENVELOPE.get().reset();
    if (!gzip) {
      content.ensure(length);
      frame.getBytes(frame.readerIndex(), content.bytes, 0, length);
      content.length = length;
      return content;
    }
    byte[] bytes;
    int offset;
    if (frame.hasArray()) {
      bytes = frame.array();
      offset = frame.arrayOffset() + frame.readerIndex();
    } else {
      Scratch raw = Scratch.COMPRESSION.get().reset();
      raw.ensure(length);
      frame.getBytes(frame.readerIndex(), raw.bytes, 0, length);
      bytes = raw.bytes;
      offset = 0;
    }
    Gzip.decompress(bytes, offset, length, content, MAX_CONTENT);
    return content;
  }
}
