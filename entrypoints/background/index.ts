export default defineBackground(() => {
  // Wired in the foundation commit that follows.
});
