package io.imflux.gateway;

import io.imflux.api.Platform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The connections this gateway holds, per user: what pushes fan out over. Each user's connections are an immutable
 * array swapped whole, so a push reads them without locking; changes to one user are atomic, which is what makes
 * the login-policy check (who to kick) and the online-platform change (whether to tell subscribers) exact.
 */
@Component
class SessionRegistry {

  private static final Session[] NONE = new Session[0];

  /** A change to one user's connections: the platforms it is online on afterwards, and whether that set changed. */
  record Change(String userID, Set<Platform> platforms, boolean platformsChanged) {}

  /** A registration: the change, and the kicks the login policy asked for. */
  record Opened(Change change, LoginKicks.Decision<Session> kicks) {}

  /** Connections taken out together, and the change to their user (null when there were none). */
  record Removed(List<Session> sessions, @Nullable Change change) {}

  private final Map<String, Session[]> byUser = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();

  int count() {
    return count.get();
  }

  /** The user's open connections; an empty array when none. */
  Session[] sessions(String userID) {
    Session[] sessions = byUser.get(userID);
    return sessions == null ? NONE : sessions;
  }

  void forEach(Consumer<Session> action) {
    byUser.values().forEach(sessions -> Arrays.asList(sessions).forEach(action));
  }

  /** Adds a connection, first removing those the login policy kicks (the caller kicks them). */
  @SuppressWarnings("unchecked")
  Opened open(Session session, int policy) {
    Change[] change = new Change[1];
    LoginKicks.Decision<Session>[] decision = new LoginKicks.Decision[1];
    byUser.compute(session.userID, (userID, current) -> {
      List<Session> existing = current == null ? List.of() : Arrays.asList(current);
      LoginKicks.Decision<Session> kicks = LoginKicks.decide(policy, existing, s -> s.platform, s -> s.token,
          session.platform, session.token);
      List<Session> next = new ArrayList<>(existing);
      next.removeAll(kicks.kicked());
      next.add(session);
      change[0] = change(userID, existing, next);
      decision[0] = kicks;
      return next.toArray(NONE);
    });
    count.addAndGet(1 - decision[0].kicked().size());
    return new Opened(change[0], decision[0]);
  }

  /** Removes a connection; null when it was not registered (already kicked). */
  @Nullable Change remove(Session session) {
    Change[] result = new Change[1];
    byUser.computeIfPresent(session.userID, (userID, current) -> {
      List<Session> existing = Arrays.asList(current);
      if (!existing.contains(session)) {
        return current;
      }
      List<Session> next = new ArrayList<>(existing);
      next.remove(session);
      result[0] = change(userID, existing, next);
      return next.isEmpty() ? null : next.toArray(NONE);
    });
    if (result[0] != null) {
      count.decrementAndGet();
    }
    return result[0];
  }

  /** Removes the user's connections on the platform (a forced logout); the caller kicks them. */
  Removed removePlatform(String userID, Platform platform) {
    List<Session> removed = new ArrayList<>();
    Change[] result = new Change[1];
    byUser.computeIfPresent(userID, (id, current) -> {
      List<Session> existing = Arrays.asList(current);
      List<Session> next = new ArrayList<>();
      for (Session session : existing) {
        (session.platform == platform ? removed : next).add(session);
      }
      result[0] = change(id, existing, next);
      return next.isEmpty() ? null : next.toArray(NONE);
    });
    count.addAndGet(-removed.size());
    return new Removed(removed, result[0]);
  }

  private static Change change(String userID, List<Session> before, List<Session> after) {
    Set<Platform> was = platforms(before);
    Set<Platform> is = platforms(after);
    return new Change(userID, is, !was.equals(is));
  }

  private static Set<Platform> platforms(List<Session> sessions) {
    Set<Platform> platforms = EnumSet.noneOf(Platform.class);
    sessions.forEach(session -> platforms.add(session.platform));
    return Collections.unmodifiableSet(platforms);
  }
}
