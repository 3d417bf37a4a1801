/**
 * The choreography saga that carries a bid to its end (rules 5 to 9).
 *
 * <p>"Rule N" in the comments here is rule N of {@code docs/rules.md}, where each is stated with its policy,
 * its events and the invariants it keeps.
 */
package io.financing.service.saga;
