package dev.owp.poold.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the prepared statements of one SQLite connection for reuse.
 *
 * <p>The SQLite driver compiles a statement anew for every {@code prepareStatement}, and poold's
 * statements are the same few dozen constants run thousands of times a second: compiling them took
 * about a third of the database's time (the claim's queue-head query, with its JSON skill check,
 * costs more to compile than to run). Each connection therefore keeps its statements, keyed by
 * their SQL, and a statement that is closed is only reset and kept. A statement that is still open
 * when the same SQL is prepared again (a query nested in the loop of another) gets a fresh,
 * uncached one.
 *
 * <p>A connection is used by one thread at a time (the pool hands it out), so the cache needs no
 * locking. Closing the connection closes every statement it kept.
 */
final class StatementCache {

  private final Connection physical;
  private final Map<String, Entry> entries;

  private StatementCache(Connection physical, int capacity) {
    this.physical = physical;
    this.entries =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            if (size() <= capacity || eldest.getValue().inUse) {
              return false;
            }
            eldest.getValue().closeQuietly();
            return true;
          }
        };
  }

  /**
   * Wraps {@code physical} so that {@code prepareStatement(String)} reuses statements, keeping at
   * most {@code capacity} of them.
   */
  static Connection wrap(Connection physical, int capacity) {
    StatementCache cache = new StatementCache(physical, capacity);
    return (Connection)
        Proxy.newProxyInstance(
            StatementCache.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            cache.new ConnectionHandler());
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    Entry entry = entries.get(sql);
    if (entry == null) {
      entry = new Entry(physical.prepareStatement(sql));
      entries.put(sql, entry);
    } else if (entry.inUse) {
      return physical.prepareStatement(sql);
    }
    entry.inUse = true;
    return entry.handle;
  }

  private void closeAll() {
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      it.next().closeQuietly();
      it.remove();
    }
  }

  private final class ConnectionHandler implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("prepareStatement") && args.length == 1) {
        return prepare((String) args[0]);
      }
      if (name.equals("close")) {
        closeAll();
      } else if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(physical)) {
        return physical;
      } else if (name.equals("isWrapperFor") && ((Class<?>) args[0]).isInstance(physical)) {
        return true;
      }
      return invokeOn(physical, method, args);
    }
  }

  /** One kept statement and the handle callers see, whose {@code close()} only resets it. */
  private static final class Entry implements InvocationHandler {
    private final PreparedStatement statement;
    private final PreparedStatement handle;
    private boolean inUse;

    Entry(PreparedStatement statement) {
      this.statement = statement;
      this.handle =
          (PreparedStatement)
              Proxy.newProxyInstance(
                  StatementCache.class.getClassLoader(),
                  new Class<?>[] {PreparedStatement.class},
                  this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close" -> {
          if (inUse) {
            statement.clearParameters();
            statement.clearBatch();
            inUse = false;
          }
          return null;
        }
        case "isClosed" -> {
          return !inUse || statement.isClosed();
        }
        default -> {
          return invokeOn(statement, method, args);
        }
      }
    }

    void closeQuietly() {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // The connection is going away or the statement is evicted: nothing to recover.
      }
    }
  }

  private static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
