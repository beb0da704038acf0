/**
 * The kit's own data: generated record batches and streams, and the structs the kit owns while it
 * hands them to a target, every struct tracked by the release ledger. No rules live here.
 */
package dev.arrowownership.generate;
