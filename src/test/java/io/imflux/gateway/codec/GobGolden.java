package io.imflux.gateway.codec;

/** The hex examples of spec/gateway.md §7, shared by the codec's golden tests and the gateway's integration tests. */
public final class GobGolden {

  /** §7.7, as one hex string: the kick frame, Resp with only ReqIdentifier = 2002. */
  public static final String KICK = "60ff81030101045265737001ff82000106010d5265714964656e74696669657201040001074d736749"
      + "6e6372010c00010b4f7065726174696f6e4944010c000107457272436f646501040001064572724d7367010c00010444617461010a0000"
      + "0007ff8201fe0fa400";
  /** §7.7: the 97-byte definition prefix every Resp frame starts with. */
  public static final String RESP_PREFIX = KICK.substring(0, 97 * 2);
  /** §7.9: a GetNewestSeq request from the Go SDK. */
  public static final String SDK_REQUEST = "66ff810301010c47656e6572616c577352657101ff82000106010d5265714964656e7469"
      + "666965720104000105546f6b656e010c00010653656e644944010c00010b4f7065726174696f6e4944010c0001074d7367496e637201"
      + "0c00010444617461010a0000001cff8201fe07d20202753101036f7031010475315f3701040a02753100";

  private GobGolden() {}
}
