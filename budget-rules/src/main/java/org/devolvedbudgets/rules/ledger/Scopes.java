package org.devolvedbudgets.rules.ledger;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.rules.position.UsageKey;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's locks: one per family and per team it has seen, and one for the pilot. A change or a query locks
 * the scopes it touches, always in the order family, then team, then pilot, holding at most one of each, so
 * deadlock is impossible; operations on different families with no shared team or pilot allowance run in
 * parallel. Events folded from another server's writes take the same locks, so a decision never sees a family's
 * balances change under it.
 *
 * <p>This class is thread-safe.
 */
final class Scopes {

  private final ConcurrentHashMap<FamilyId, ReentrantLock> families = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ReentrantLock> teams = new ConcurrentHashMap<>();
  private final ReentrantLock pilot = new ReentrantLock();

  ReentrantLock family(FamilyId familyId) {
    return lockIn(families, familyId);
  }

  ReentrantLock team(String team) {
    return lockIn(teams, team);
  }

  ReentrantLock pilot() {
    return pilot;
  }

  /** The lock of a key, made the first time: a plain read first, as nearly every lock already exists. */
  private static <K> ReentrantLock lockIn(ConcurrentHashMap<K, ReentrantLock> locks, K key) {
    ReentrantLock lock = locks.get(key);
    return lock != null ? lock : locks.computeIfAbsent(key, k -> new ReentrantLock());
  }

  /** Locks a family, then its team, then the pilot, as far as {@code keys} reach. */
  Held hold(FamilyId familyId, List<UsageKey> keys) {
    ReentrantLock family = family(familyId);
    family.lock();
    @Nullable String team = null;
    boolean reachesPilot = false;
    for (UsageKey key : keys) {
      if (key.scope() == AllowanceScope.TEAM) {
        team = key.holder();
      } else if (key.scope() == AllowanceScope.PILOT) {
        reachesPilot = true;
      }
    }
    return holdShared(family, team, reachesPilot);
  }

  /** Locks a family first, then reads what the charges reach to lock the team and the pilot. */
  Held hold(FamilyId familyId, LedgerEvent.@Nullable Reserved reserved) {
    ReentrantLock family = family(familyId);
    family.lock();
    @Nullable String team = null;
    boolean reachesPilot = false;
    for (Charge charge : reserved == null ? List.<Charge>of() : reserved.charges()) {
      if (charge.key().scope() == AllowanceScope.TEAM) {
        team = charge.key().holder();
      } else if (charge.key().scope() == AllowanceScope.PILOT) {
        reachesPilot = true;
      }
    }
    return holdShared(family, team, reachesPilot);
  }

  /** With the family locked, locks the team and then the pilot, if reached. */
  private Held holdShared(ReentrantLock family, @Nullable String team, boolean reachesPilot) {
    ReentrantLock teamLock = team == null ? null : team(team);
    if (teamLock != null) {
      teamLock.lock();
    }
    if (reachesPilot) {
      pilot.lock();
    }
    return new Held(family, teamLock, reachesPilot ? pilot : null);
  }

  /** The locks one operation holds, released in reverse order. */
  static final class Held {
    private final ReentrantLock family;
    private final @Nullable ReentrantLock team;
    private final @Nullable ReentrantLock pilot;

    Held(ReentrantLock family, @Nullable ReentrantLock team, @Nullable ReentrantLock pilot) {
      this.family = family;
      this.team = team;
      this.pilot = pilot;
    }

    void release() {
      if (pilot != null) {
        pilot.unlock();
      }
      if (team != null) {
        team.unlock();
      }
      family.unlock();
    }
  }
}
