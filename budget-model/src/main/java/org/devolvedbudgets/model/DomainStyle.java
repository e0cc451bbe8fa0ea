package org.devolvedbudgets.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style for the library's aggregates (allowances, spend requests, approval policies,
 * pilot configurations), applied to a whole package in its {@code package-info.java}.
 *
 * <p>What it does for users of the library: the generated {@code ImmutableX} classes stay package-private,
 * so the public API is just the abstract type and its nested builder ({@code Allowance.builder()...build()});
 * collections are plain JDK {@code List}, {@code Set} and {@code Map} (no Guava types); and the generated
 * code carries no annotations that would need extra modules at run time. Copies with a change are made
 * with the builder: {@code Allowance.builder().from(allowance).cap(newCap).build()}, which checks the
 * invariants again.
 *
 * <p>This annotation is for the library's own packages. It is retained only in class files, never at run
 * time.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allowedClasspathAnnotations = {Override.class},
    defaults = @Value.Immutable(copy = false))
public @interface DomainStyle {}
