package io.imflux.api;

import java.util.Optional;

/**
 * A client platform. Numbers belong to the dialect ({@link Dialect#platformId}); the names are the reference's and
 * are what the token store keys on (spec/common.md §6.1). The class drives the multi-login policy.
 */
public enum Platform {
  IOS(1, 1, "IOS", PlatformClass.MOBILE),
  ANDROID(2, 2, "Android", PlatformClass.MOBILE),
  WINDOWS(3, 3, "Windows", PlatformClass.PC),
  OSX(4, 4, "OSX", PlatformClass.PC),
  WEB(5, 5, "Web", PlatformClass.WEB),
  MINI_WEB(6, 0, "MiniWeb", PlatformClass.MINI_WEB),
  LINUX(7, 6, "Linux", PlatformClass.PC),
  APAD(8, 8, "APad", PlatformClass.PAD),
  IPAD(9, 7, "IPad", PlatformClass.PAD),
  ADMIN(10, 999, "Admin", PlatformClass.ADMIN),
  HARMONY_OS(11, 11, "HarmonyOS", PlatformClass.HARMONY_OS);

  /** Terminal classes of the multi-login policy (spec/gateway.md §15). */
  public enum PlatformClass { MOBILE, PC, WEB, MINI_WEB, PAD, ADMIN, HARMONY_OS }

  private final int openimId;
  private final int documentId;
  private final String referenceName;
  private final PlatformClass platformClass;

  Platform(int openimId, int documentId, String referenceName, PlatformClass platformClass) {
    this.openimId = openimId;
    this.documentId = documentId;
    this.referenceName = referenceName;
    this.platformClass = platformClass;
  }

  int openimId() {
    return openimId;
  }

  /** 0 where the document's table has no number for the platform. */
  int documentId() {
    return documentId;
  }

  /** The reference's name: token-store keys and the operator's {@code platform} string. */
  public String referenceName() {
    return referenceName;
  }

  public PlatformClass platformClass() {
    return platformClass;
  }

  public static Optional<Platform> byReferenceName(String name) {
    for (Platform p : values()) {
      if (p.referenceName.equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
