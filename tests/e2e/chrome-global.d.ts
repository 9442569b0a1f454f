// Code passed to page.evaluate()/worker.evaluate() runs inside the browser, where `chrome` exists.
declare const chrome: any;
