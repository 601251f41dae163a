package io.imflux.user;

import org.jspecify.annotations.Nullable;

/** The profile fields a change sets; {@code null} leaves a field as it is. */
public record UserPatch(
    @Nullable String nickname,
    @Nullable String faceURL,
    @Nullable String ex,
    @Nullable Integer globalRecvMsgOpt) {

  public boolean isEmpty() {
    return nickname == null && faceURL == null && ex == null && globalRecvMsgOpt == null;
  }

  /** Whether applying this to {@code before} changes what friends and groups show: the nickname or the face URL. */
  public boolean changesNameOrFace(User before) {
    return (nickname != null && !nickname.equals(before.nickname()))
        || (faceURL != null && !faceURL.equals(before.faceURL()));
  }
}
