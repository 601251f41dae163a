package io.imflux.notification;

import io.imflux.proto.sdkws.OfflinePushInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-type settings of the reference's {@code notification.yml} (spec/notifications.md §3.1), read from
 * {@code imflux.notification.<key>} (config/notification.yml, the reference's keys): whether a stored chat copy is
 * made and the offline push every such message asks for. Types without settings have everything off.
 */
@ConfigurationProperties("imflux")
public record NotificationSettings(@DefaultValue Map<String, Kind> notification) {

  /** The settings of one key. */
  public record Kind(@DefaultValue("false") boolean isSendMsg, @DefaultValue OfflinePush offlinePush) {}

  /** The type's offline push: whether it is asked for, and what the message's offlinePushInfo carries. */
  public record OfflinePush(@DefaultValue("false") boolean enable, @DefaultValue("") String title,
      @DefaultValue("") String desc, @DefaultValue("") String ext) {}

  /** What one content type gets. */
  record Setting(boolean sendChatCopy, boolean offlinePush, OfflinePushInfo offlinePushInfo) {}

  private static final Setting OFF = new Setting(false, false, OfflinePushInfo.getDefaultInstance());

  /** The reference's keys and the content types each one governs. */
  private static final Map<String, List<Integer>> CONTENT_TYPES = Map.ofEntries(
      Map.entry("groupCreated", List.of(1501)), Map.entry("groupInfoSet", List.of(1502)),
      Map.entry("joinGroupApplication", List.of(1503)), Map.entry("memberQuit", List.of(1504)),
      Map.entry("groupApplicationAccepted", List.of(1505)), Map.entry("groupApplicationRejected", List.of(1506)),
      Map.entry("groupOwnerTransferred", List.of(1507)), Map.entry("memberKicked", List.of(1508)),
      Map.entry("memberInvited", List.of(1509)), Map.entry("memberEnter", List.of(1510)),
      Map.entry("groupDismissed", List.of(1511)), Map.entry("groupMemberMuted", List.of(1512)),
      Map.entry("groupMemberCancelMuted", List.of(1513)), Map.entry("groupMuted", List.of(1514)),
      Map.entry("groupCancelMuted", List.of(1515)), Map.entry("groupMemberInfoSet", List.of(1516)),
      Map.entry("groupMemberSetToAdmin", List.of(1517)), Map.entry("groupMemberSetToOrdinaryUser", List.of(1518)),
      Map.entry("groupInfoSetAnnouncement", List.of(1519)), Map.entry("groupInfoSetName", List.of(1520)),
      Map.entry("friendApplicationApproved", List.of(1201)), Map.entry("friendApplicationRejected", List.of(1202)),
      Map.entry("friendApplicationAdded", List.of(1203)), Map.entry("friendAdded", List.of(1204)),
      Map.entry("friendDeleted", List.of(1205)), Map.entry("friendRemarkSet", List.of(1206)),
      Map.entry("blackAdded", List.of(1207)), Map.entry("blackDeleted", List.of(1208)),
      Map.entry("friendInfoUpdated", List.of(1209, 1210)), Map.entry("userInfoUpdated", List.of(1303)),
      Map.entry("userStatusChanged", List.of(1304)), Map.entry("conversationChanged", List.of(1300, 1702)),
      Map.entry("conversationSetPrivate", List.of(1701)));

  public NotificationSettings {
    for (String key : notification.keySet()) {
      if (!CONTENT_TYPES.containsKey(key)) {
        throw new IllegalArgumentException("imflux.notification." + key + " is not a notification kind; known: "
            + CONTENT_TYPES.keySet().stream().sorted().toList());
      }
    }
  }

  /** The settings of every configured content type, built once. */
  Map<Integer, Setting> byContentType() {
    Map<Integer, Setting> settings = new HashMap<>();
    notification.forEach((key, kind) -> {
      OfflinePushInfo info = OfflinePushInfo.newBuilder()
          .setTitle(kind.offlinePush().title())
          .setDesc(kind.offlinePush().desc())
          .setEx(kind.offlinePush().ext())
          .build();
      Setting setting = new Setting(kind.isSendMsg(), kind.offlinePush().enable(), info);
      CONTENT_TYPES.get(key).forEach(contentType -> settings.put(contentType, setting));
    });
    return settings;
  }

  static Setting off() {
    return OFF;
  }
}
