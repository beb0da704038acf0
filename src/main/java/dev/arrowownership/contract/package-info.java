/**
 * The wrapper contract: an ownership wrapper plugs in through {@link
 * dev.arrowownership.contract.OwnershipSubject} and is driven step by step against the exactly-once
 * model, by generated sequences ({@link dev.arrowownership.contract.OwnershipContract}, jqwik) and by
 * every sequence within bounds ({@link dev.arrowownership.contract.ExhaustiveOwnershipContract}).
 * Guide: {@code docs/kit.md}.
 */
package dev.arrowownership.contract;
