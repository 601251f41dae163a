package io.imflux.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/** config/notification.yml binds to the table of spec/notifications.md §3.1, and a wrong key is refused at startup. */
class NotificationSettingsTest {

  @Test
  void theShippedFileHasTheReferenceSwitchesForEveryKind() throws Exception {
    Map<Integer, NotificationSettings.Setting> settings = shipped().byContentType();

    assertThat(settings.get(1501).sendChatCopy()).isTrue();
    assertThat(settings.get(1501).offlinePush()).isFalse();
    assertThat(settings.get(1501).offlinePushInfo().getTitle()).isEqualTo("create group title");
    assertThat(settings.get(1201).sendChatCopy()).isTrue();
    assertThat(settings.get(1201).offlinePush()).isTrue();
    assertThat(settings.get(1203).sendChatCopy()).isFalse();
    assertThat(settings.get(1203).offlinePush()).isTrue();
    assertThat(settings.get(1206).offlinePushInfo().getDesc()).isEqualTo("Your friend's profile has been changed");
    assertThat(settings.get(1209)).isSameAs(settings.get(1210));
    assertThat(settings.get(1300)).isSameAs(settings.get(1702));
    assertThat(settings.get(1701).sendChatCopy()).isTrue();
    assertThat(settings.get(1701).offlinePushInfo().getEx()).isEqualTo("burn after reading");
    assertThat(settings).doesNotContainKeys(1305, 1517, 1518, 1703);
    long chatCopies = settings.values().stream().filter(NotificationSettings.Setting::sendChatCopy).count();
    assertThat(chatCopies).as("1501 1504 1507-1515 1519 1520 1201 1701").isEqualTo(15);
  }

  @Test
  void anUnknownKindIsRefusedWithTheKnownOnes() {
    Binder binder = new Binder(new MapConfigurationPropertySource(
        Map.of("imflux.notification.groupCreatd.is-send-msg", "true")));

    assertThatThrownBy(() -> binder.bindOrCreate("imflux", NotificationSettings.class))
        .hasRootCauseMessage("imflux.notification.groupCreatd is not a notification kind; known: "
            + "[blackAdded, blackDeleted, conversationChanged, conversationSetPrivate, friendAdded, "
            + "friendApplicationAdded, friendApplicationApproved, friendApplicationRejected, friendDeleted, "
            + "friendInfoUpdated, friendRemarkSet, groupApplicationAccepted, groupApplicationRejected, "
            + "groupCancelMuted, groupCreated, groupDismissed, groupInfoSet, groupInfoSetAnnouncement, "
            + "groupInfoSetName, groupMemberCancelMuted, groupMemberInfoSet, groupMemberMuted, "
            + "groupMemberSetToAdmin, groupMemberSetToOrdinaryUser, groupMuted, groupOwnerTransferred, "
            + "joinGroupApplication, memberEnter, memberInvited, memberKicked, memberQuit, userInfoUpdated, "
            + "userStatusChanged]");
  }

  private static NotificationSettings shipped() throws Exception {
    PropertySource<?> file = new YamlPropertySourceLoader()
        .load("notification.yml", new FileSystemResource("config/notification.yml")).get(0);
    return new Binder(org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(file))
        .bindOrCreate("imflux", NotificationSettings.class);
  }
}
