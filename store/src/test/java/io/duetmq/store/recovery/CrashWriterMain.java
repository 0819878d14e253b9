package io.duetmq.store.recovery;

import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendStatus;
import io.duetmq.store.FlushDiskType;
import io.duetmq.store.MessageStore;
import io.duetmq.store.StoreConfig;
import io.duetmq.store.StoreTestSupport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The process {@link SigkillRecoveryTest} kills: appends with SYNC_FLUSH from several threads
 * forever and prints {@code ACK <n> <physicalOffset>} for every append the store acknowledged as
 * PUT_OK.
 */
public final class CrashWriterMain {
  private CrashWriterMain() {}

  public static void main(String[] args) {
    StoreConfig config =
        StoreTestSupport.smallConfig(Path.of(args[0])).withFlushDiskType(FlushDiskType.SYNC_FLUSH);
    MessageStore store = MessageStore.open(config, Clock.systemUTC());
    PrintStream out = System.out;
    out.println("READY");
    out.flush();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      new Thread(() -> appendForever(store, out, thread), "crash-writer-" + t).start();
    }
  }

  private static void appendForever(MessageStore store, PrintStream out, int thread) {
    for (long i = 0; ; i++) {
      String body = thread + "-" + i;
      AppendRequest request = StoreTestSupport.message("Crash", thread, body, null);
      var result = store.append(request).join();
      if (result.status() == AppendStatus.PUT_OK) {
        synchronized (out) {
          out.println("ACK " + body + " " + result.physicalOffset());
          out.flush();
        }
      }
    }
  }
}
