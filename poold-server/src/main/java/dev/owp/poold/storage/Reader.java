package dev.owp.poold.storage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the read-only {@link org.springframework.jdbc.core.simple.JdbcClient}: on SQLite it uses a
 * pool of reader connections, so dashboards and lists never wait for the single writer. Use it only
 * outside transactions, for queries that need no read-your-own-writes.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier("reader")
public @interface Reader {}
