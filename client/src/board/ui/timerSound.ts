/**
 * The optional sound at the end of the workshop timer: a short two-note
 * chime made with the Web Audio API, so no sound file is shipped or
 * fetched. Off unless the person turns it on, on this device.
 */
const SOUND_KEY = "journeyboard.timerSound";

export const timerSoundOn = (): boolean => localStorage.getItem(SOUND_KEY) === "on";

export function setTimerSound(on: boolean): void {
  if (on) localStorage.setItem(SOUND_KEY, "on");
  else localStorage.removeItem(SOUND_KEY);
}

let audio: AudioContext | null = null;

/** Plays the chime; a browser that has not let the page make sound yet stays silent. */
export function playTimerEnd(): void {
  audio ??= new AudioContext();
  const start = audio.currentTime;
  for (const [i, frequency] of [880, 660].entries()) {
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.type = "sine";
    tone.frequency.value = frequency;
    const at = start + i * 0.25;
    volume.gain.setValueAtTime(0.0001, at);
    volume.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.4);
    tone.connect(volume).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.45);
  }
}

/** Lets the page make sound later: browsers allow an AudioContext only after a click, such as the one turning it on. */
export function unlockTimerSound(): void {
  audio ??= new AudioContext();
  void audio.resume();
}
