/*
 * The manifest's FunctionFile. The ribbon button only opens the task pane, so
 * this page has nothing to register; Office still waits for it to initialise.
 */
if (typeof Office !== "undefined") {
  void Office.onReady();
}
