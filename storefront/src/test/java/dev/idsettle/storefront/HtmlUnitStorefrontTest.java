package dev.idsettle.storefront;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;

/** The storefront's flows in HtmlUnit: always runs, nothing to install. */
class HtmlUnitStorefrontTest extends StorefrontFlows {
  @Override
  WebDriver openDriver() {
    return new HtmlUnitDriver(true); // JavaScript on, for the test that removes the form token
  }

  @Override
  boolean screenshots() {
    return false;
  }
}
