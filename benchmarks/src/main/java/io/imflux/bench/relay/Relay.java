package io.imflux.bench.relay;

import io.imflux.bench.wire.Envelope;
import io.imflux.bench.wire.Envelope.Req;
import io.imflux.bench.wire.Envelope.Resp;
import io.imflux.bench.wire.Proto;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.resources.LoopResources;

/**
 * The physical limit the benchmark compares imflux with: a bare Reactor Netty WebSocket server that speaks the same
 * frames (gob + gzip envelopes) and does only the relaying. For each 1003 it sends what imflux sends: the reply to
 * the sender, and one 2001 push (encoded and gzipped once) to the recipient and to the sender. No authentication,
 * no storage, no seqs (a per-relay counter stands in). 1001 gets an empty reply so the SDK's first request works.
 * Writes go straight to the channels (a Reactor sink fed from several event loops is issue 4's second trap).
 */
public final class Relay {

  private static final int MAX_FRAME = 51200;

  private final Map<String, Channel> users = new ConcurrentHashMap<>();
  private final AtomicLong seq = new AtomicLong();

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    DisposableServer server = new Relay().start(port, workers);
    System.out.println("relay listening on " + server.port() + " with " + workers + " event loops");
    server.onDispose().block();
  }

  public DisposableServer start(int port, int workers) {
    LoopResources loops = LoopResources.create("relay", 1, workers, true);
    return HttpServer.create().port(port).runOn(loops)
        .handle((request, response) -> {
          Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
          String userID = first(query, "sendID");
          boolean gzip = "gzip".equals(first(query, "compression"));
          return response.sendWebsocket((in, out) -> {
            Channel[] channel = new Channel[1];
            in.withConnection(c -> channel[0] = c.channel());
            users.put(userID, channel[0]);
            return in.aggregateFrames(MAX_FRAME).receiveFrames()
                .doOnNext(frame -> received(channel[0], gzip, frame))
                .then(Mono.fromRunnable(() -> users.remove(userID, channel[0])));
          }, WebsocketServerSpec.builder().maxFramePayloadLength(MAX_FRAME).build());
        })
        .bindNow();
  }

  private void received(Channel sender, boolean gzip, WebSocketFrame frame) {
    if (!(frame instanceof BinaryWebSocketFrame)) {
      return;
    }
    Req req = Envelope.decodeReq(ByteBufUtil.getBytes(frame.content()), gzip);
    if (req.reqIdentifier() != Envelope.SEND_MSG) {
      write(sender, Envelope.encode(new Resp(req.reqIdentifier(), req.msgIncr(), req.operationID(), 0, "",
          new byte[0]), gzip));
      return;
    }
    Proto.Routing routing = Proto.routing(req.data());
    long now = System.currentTimeMillis();
    String serverMsgID = Long.toHexString(seq.incrementAndGet()) + "-" + now;
    write(sender, Envelope.encode(new Resp(Envelope.SEND_MSG, req.msgIncr(), req.operationID(), 0, "",
        Proto.sendMsgResp(serverMsgID, routing.clientMsgID(), now)), gzip));
    byte[] push = Envelope.encode(new Resp(Envelope.PUSH_MSG, "", req.operationID(), 0, "",
        Proto.pushMessages(Proto.singleChatID(routing.sendID(), routing.recvID()),
            Proto.stamped(req.data(), serverMsgID, now, seq.get()))), gzip);
    Channel recipient = users.get(routing.recvID());
    if (recipient != null) {
      write(recipient, push);
    }
    write(sender, push);
  }

  private static void write(Channel channel, byte[] frame) {
    channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame)), channel.voidPromise());
  }

  private static String first(Map<String, List<String>> query, String key) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }
}
