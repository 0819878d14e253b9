package io.duetmq.protocol.rocketmq.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RemotingCommandRoundTripTest {

  @Property(tries = 500)
  void shouldDecodeWhatJsonFramesEncode(@ForAll("jsonCommands") RemotingCommand command) {
    RemotingCommand decoded = GoldenBytesTest.decodeFrame(GoldenBytesTest.encodeFrame(command));

    assertThat(decoded).isEqualTo(command);
  }

  @Property(tries = 500)
  void shouldDecodeWhatBinaryFramesEncode(@ForAll("binaryCommands") RemotingCommand command) {
    RemotingCommand decoded = GoldenBytesTest.decodeFrame(GoldenBytesTest.encodeFrame(command));

    assertThat(decoded).isEqualTo(RemotingCommandArbitraries.afterRoundTrip(command));
  }

  @Provide
  Arbitrary<RemotingCommand> jsonCommands() {
    return RemotingCommandArbitraries.commands(SerializeType.JSON);
  }

  @Provide
  Arbitrary<RemotingCommand> binaryCommands() {
    return RemotingCommandArbitraries.commands(SerializeType.ROCKETMQ);
  }
}
