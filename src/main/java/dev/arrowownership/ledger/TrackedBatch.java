package dev.arrowownership.ledger;

/** The two tracked structs of one record batch. */
public record TrackedBatch(TrackedStruct array, TrackedStruct schema) {}
