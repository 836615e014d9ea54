// The "In" (print) buttons: a file, not an onclick attribute, so the CSP allows no inline script (issue 10 §5).
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
