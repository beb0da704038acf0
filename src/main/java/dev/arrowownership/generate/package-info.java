/**
 * The kit's own data: generated record batches and streams, and the structs the kit owns while it
 * hands them to a target, every struct tracked by the release ledger (the canary stream planted
 * where a stream producer is to write counts its own calls). No rules live here.
 */
package dev.arrowownership.generate;
