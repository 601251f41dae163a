package io.imflux.msg.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoding and re-encoding a quote message's content as the reference does on read (spec/pipeline.md §9.4). */
class QuoteTest {

  static final String QUOTED_KEYS = "\"sendID\":\"a\",\"recvID\":\"b\",\"groupID\":\"\",\"clientMsgID\":\"c1\","
      + "\"serverMsgID\":\"\",\"senderPlatformID\":0,\"senderNickname\":\"\",\"senderFaceURL\":\"\",\"sessionType\":1,"
      + "\"msgFrom\":0";

  static ByteString bytes(String json) {
    return ByteString.copyFrom(json, StandardCharsets.UTF_8);
  }

  static Quote parse(String json) {
    return Quote.parse(bytes(json)).orElseThrow();
  }

  @Test
  void aRevokedQuoteIsWrittenWithTheFixedKeysInTheReferenceOrder() {
    Quote quote = parse("{\"text\":\"re <b>\",\"quoteMessage\":{\"sendID\":\"a\",\"recvID\":\"b\",\"clientMsgID\":\"c1\","
        + "\"sessionType\":1,\"contentType\":101,\"content\":\"{\\\"content\\\":\\\"hi\\\"}\",\"seq\":1,"
        + "\"textElem\":{\"content\":\"hi\"}},\"messageEntityList\":[{\"type\":\"a&b\",\"offset\":0}],\"extra\":1}");
    assertThat(quote.quotesStoredMessage()).isTrue();
    assertThat(quote.rewritten("{\"detail\":\"x\"}")).contains("{\"text\":\"re \\u003cb\\u003e\",\"quoteMessage\":{"
        + QUOTED_KEYS + ",\"contentType\":2101,\"content\":\"{\\\"detail\\\":\\\"x\\\"}\",\"seq\":1,\"sendTime\":0,"
        + "\"createTime\":0,\"status\":0,\"isRead\":false,\"offlinePushInfo\":null,\"atUserIDList\":[],"
        + "\"attachedInfo\":\"\",\"ex\":\"\",\"keyVersion\":0,\"dstUserIDs\":[]},"
        + "\"messageEntityList\":[{\"type\":\"a\\u0026b\",\"offset\":0}]}");
  }

  @Test
  void anEmptyTextAndAMissingEntityListAreLeftOut() {
    Quote quote = parse("{\"quoteMessage\":{\"seq\":0,\"content\":\"e30=\"}}");
    assertThat(quote.quotesStoredMessage()).isFalse();
    assertThat(quote.rewritten(null).orElseThrow())
        .startsWith("{\"quoteMessage\":{\"sendID\":\"\"")
        .contains("\"contentType\":0,\"content\":\"{}\",\"seq\":0")
        .endsWith("\"dstUserIDs\":[]}}");
  }

  @Test
  void aNullEntityListStaysNull() {
    Quote quote = parse("{\"text\":\"t\",\"quoteMessage\":{\"content\":\"e30=\"},\"messageEntityList\":null}");
    assertThat(quote.rewritten(null).orElseThrow()).endsWith("},\"messageEntityList\":null}");
  }

  @Test
  void keysMatchCaseInsensitivelyAsInGo() {
    Quote quote = parse("{\"Text\":\"t\",\"QuoteMessage\":{\"SEQ\":4,\"ContentType\":101},\"MessageEntityList\":[]}");
    assertThat(quote.quoted().getSeq()).isEqualTo(4);
    assertThat(quote.rewritten("{}").orElseThrow())
        .startsWith("{\"text\":\"t\",\"quoteMessage\":{")
        .contains("\"contentType\":2101,\"content\":\"{}\",\"seq\":4")
        .endsWith(",\"messageEntityList\":[]}");
  }

  @Test
  void aQuoteThatNeedsNoChangeIsNotRewritten() {
    assertThat(parse("{\"quoteMessage\":{\"seq\":3,\"content\":\"{}\"}}").rewritten(null)).isEmpty();
  }

  @Test
  void aQuoteShownRevokedAlreadyIsNotLookedUp() {
    assertThat(parse("{\"quoteMessage\":{\"seq\":3,\"contentType\":2101}}").quotesStoredMessage()).isFalse();
  }

  @Test
  void contentThatGoCannotDecodeIsNoQuote() {
    assertThat(Quote.parse(bytes("not json"))).isEmpty();
    assertThat(Quote.parse(bytes("[1]"))).isEmpty();
    assertThat(Quote.parse(bytes("{\"text\":5,\"quoteMessage\":{\"seq\":1}}"))).isEmpty();
    assertThat(Quote.parse(bytes("{\"quoteMessage\":{\"seq\":\"1\"}}"))).isEmpty();
    assertThat(Quote.parse(bytes("{\"quoteMessage\":{\"seq\":1.5}}"))).isEmpty();
  }

  @Test
  void contentWithoutAQuotedMessageIsNoQuote() {
    assertThat(Quote.parse(bytes("{\"text\":\"t\"}"))).isEmpty();
    assertThat(Quote.parse(bytes("{\"text\":\"t\",\"quoteMessage\":null}"))).isEmpty();
    assertThat(Quote.parse(bytes("null"))).isEmpty();
  }
}
