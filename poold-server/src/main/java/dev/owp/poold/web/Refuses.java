package dev.owp.poold.web;

import dev.owp.protocol.problem.ProblemType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an endpoint reports beyond those its signature implies (a body may be invalid or too
 * large, a path id may name nothing, a token may be wrong), for the OpenAPI description: e.g. a
 * status report may find the lease lost.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Refuses {
  /** The kinds of refusal. */
  ProblemType[] value();
}
