// The demo dealership for tests comes from the one test kit; this name stays for the head-office
// test kit and the scripts' tests, which import it from here.
export { demoApp, type DemoTestApp as TestApp } from '../test-support/test-app'
