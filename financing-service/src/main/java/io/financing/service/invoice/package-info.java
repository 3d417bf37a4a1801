/**
 * The Invoice aggregate and what changes it: selling (rule 3), the bid's decision (rule 5), approval and reversal (rules 8 and 9).
 *
 * <p>"Rule N" in the comments here is rule N of {@code docs/rules.md}, where each is stated with its policy,
 * its events and the invariants it keeps.
 */
package io.financing.service.invoice;
