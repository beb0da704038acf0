/**
 * The leak safety net: a handle dropped without {@code close()} is found by a {@link
 * java.lang.ref.Cleaner}, released exactly once through the same atomic close as an explicit one,
 * and reported with its allocation site through a pluggable {@link
 * dev.arrowownership.leak.LeakReporter}, at a {@link dev.arrowownership.leak.LeakLevel} chosen by
 * the system property {@code arrowownership.leak.level}.
 */
package dev.arrowownership.leak;
