/**
 * A wrapper written by a third party against the kit's public API only (nothing of {@code
 * dev.arrowownership.wrapper}): {@link dev.arrowownership.thirdparty.BatchHolder}, a move-only
 * holder over Arrow Java's structs without an output frame, its adapter {@link
 * dev.arrowownership.thirdparty.BatchHolderSubject}, which passes both contracts, and its broken
 * twin {@link dev.arrowownership.thirdparty.MoveKeepsSourceOwning}, which both contracts fail.
 */
package dev.arrowownership.thirdparty;
