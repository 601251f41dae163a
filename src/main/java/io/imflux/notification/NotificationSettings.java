package io.imflux.notification;

import java.util.Map;

/**
 * The per-type switches of the reference's {@code notification.yml} (spec/notifications.md §3.1): whether a stored
 * chat copy is made ({@code isSendMsg}) and whether offline push is on. Types not listed are all off.
 */
final class NotificationSettings {

  record Setting(boolean sendChatCopy, boolean offlinePush) {}

  private static final Setting OFF = new Setting(false, false);
  private static final Setting CHAT_COPY = new Setting(true, false);
  private static final Setting PUSH = new Setting(false, true);

  private static final Map<Integer, Setting> SETTINGS = Map.ofEntries(
      Map.entry(1501, CHAT_COPY), Map.entry(1503, PUSH), Map.entry(1504, CHAT_COPY), Map.entry(1505, PUSH),
      Map.entry(1506, PUSH), Map.entry(1507, CHAT_COPY), Map.entry(1508, CHAT_COPY), Map.entry(1509, CHAT_COPY),
      Map.entry(1510, CHAT_COPY), Map.entry(1511, CHAT_COPY), Map.entry(1512, CHAT_COPY), Map.entry(1513, CHAT_COPY),
      Map.entry(1514, CHAT_COPY), Map.entry(1515, CHAT_COPY), Map.entry(1519, CHAT_COPY), Map.entry(1520, CHAT_COPY),
      Map.entry(1203, PUSH), Map.entry(1201, new Setting(true, true)), Map.entry(1202, PUSH),
      Map.entry(1701, CHAT_COPY));

  private NotificationSettings() {}

  static Setting of(int contentType) {
    return SETTINGS.getOrDefault(contentType, OFF);
  }
}
