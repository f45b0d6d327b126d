import "./zodConfig";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./i18n";
import "./styles.css";
import { fontsReady } from "./fonts/fonts";
import { App } from "./app/App";

// The app shell offline (client/sw/): a board opened before opens again without the network.
if (import.meta.env.PROD && "serviceWorker" in navigator) void navigator.serviceWorker.register("/serviceWorker.js");

void fontsReady().then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
