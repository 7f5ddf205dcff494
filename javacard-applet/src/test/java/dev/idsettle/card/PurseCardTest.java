package dev.idsettle.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import com.licel.jcardsim.utils.AIDUtil;
import dev.idsettle.card.applet.PurseApplet;
import dev.idsettle.card.testing.SimulatedCard;
import java.util.HexFormat;
import javax.smartcardio.CardException;
import org.junit.jupiter.api.Test;

class PurseCardTest {

  @Test
  void selectingAnAidThatIsNotOnTheCardSaysSo() {
    SimulatedCard card = SimulatedCard.withPurse();
    PurseCard elsewhere =
        PurseCard.over(card.channel(), HexFormat.of().parseHex("A000000999010203"));

    assertThatThrownBy(elsewhere::select)
        .isInstanceOfSatisfying(
            CardRefusedException.class,
            e -> assertThat(e.refusal()).isEqualTo(CardRefusal.APPLET_NOT_FOUND))
        .hasMessageStartingWith("SELECT refused by the card (SW 6999)");
  }

  @Test
  void theAppletRegistersUnderTheInstanceAidOfGlobalPlatformInstallParameters()
      throws CardException {
    byte[] instanceAid = HexFormat.of().parseHex("D2760000990102");
    byte[] parameters = new byte[instanceAid.length + 3];
    parameters[0] = (byte) instanceAid.length;
    System.arraycopy(instanceAid, 0, parameters, 1, instanceAid.length);
    CardSimulator simulator = new CardSimulator();
    simulator.installApplet(
        AIDUtil.create(instanceAid),
        PurseApplet.class,
        parameters,
        (short) 0,
        (byte) parameters.length);
    PurseCard card =
        PurseCard.over(
            CardTerminalSimulator.terminal(simulator).connect("T=1").getBasicChannel(),
            instanceAid);

    card.select();

    assertThat(card.status().lifecycle()).isEqualTo(Lifecycle.INSTALLED);
  }

  @Test
  void anAidMustBeFiveToSixteenBytes() {
    SimulatedCard card = SimulatedCard.withPurse();

    assertThatThrownBy(() -> PurseCard.over(card.channel(), new byte[4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("aid: expected 5 to 16 bytes, got 4");
  }

  @Test
  void theDefaultAidSpellsIdsettle() {
    assertThat(HexFormat.of().formatHex(PurseCard.aid())).isEqualTo("f06964736574746c6501");
  }
}
