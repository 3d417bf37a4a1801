/**
 * The Investor aggregate and what changes it: registration (rule 2), bids (rule 4), and the saga's releases and commits (rules 6 to 9).
 *
 * <p>"Rule N" in the comments here is rule N of {@code docs/rules.md}, where each is stated with its policy,
 * its events and the invariants it keeps.
 */
package io.financing.service.investor;
