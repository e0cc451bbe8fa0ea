/**
 * What a devolved-budget scheme allows, as immutable values: {@link
 * org.devolvedbudgets.model.scheme.Allowance allowances}, the {@link
 * org.devolvedbudgets.model.scheme.ApprovalPolicy approval policy}, the {@link
 * org.devolvedbudgets.model.scheme.AllocationPolicy allocation of families}, and the versioned {@link
 * org.devolvedbudgets.model.scheme.PilotConfiguration} that brings them together.
 *
 * <p>Every aggregate is built with {@code Type.builder()...build()} and checks its invariants when built,
 * reporting all problems at once in a {@link org.devolvedbudgets.model.scheme.ConfigurationException}.
 * Every parameter and return value in this package is non-null unless documented otherwise.
 */
@DomainStyle
@NullMarked
package org.devolvedbudgets.model.scheme;

import org.devolvedbudgets.model.DomainStyle;
import org.jspecify.annotations.NullMarked;
