package dev.arrowownership.leak;

/** The stack trace of the call that allocated a leaked handle; thrown never, printed in reports. */
public final class AllocationSite extends Throwable {
  private static final long serialVersionUID = 1L;

  AllocationSite(String resource) {
    super(resource + " was allocated here");
  }
}
