package io.imflux.gateway;

import io.imflux.gateway.codec.FrameFormat;
import io.imflux.gateway.codec.Resp;

/**
 * One server-initiated frame for many connections, encoded at most once per {@link FrameFormat} and only for the
 * formats its recipients use (spec/gateway.md §12; ARCHITECTURE §5). Used by one thread at a time.
 */
final class PushFrames {

  private static final FrameFormat[] FORMATS = FrameFormat.values();

  private final Resp resp;
  private final byte[][] frames = new byte[FORMATS.length][];

  PushFrames(Resp resp) {
    this.resp = resp;
  }

  byte[] frame(FrameFormat format) {
    byte[] frame = frames[format.ordinal()];
    if (frame == null) {
      frame = format.encode(resp);
      frames[format.ordinal()] = frame;
    }
    return frame;
  }
}
