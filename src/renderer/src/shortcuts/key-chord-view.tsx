import { chordCaps, type KeyChord } from './shortcut-table'

/** A chord drawn as key caps, e.g. ⌘ ⇧ N (spoken "Command Shift N"). */
export function KeyChordView({ chord, apple }: { chord: KeyChord; apple: boolean }) {
  return (
    <kbd className="key-chord">
      {chordCaps(chord, apple).map((cap, index) => (
        <kbd key={index} className="key-cap">
          {cap.spoken ? (
            <>
              <span aria-hidden="true">{cap.text}</span>
              <span className="visually-hidden">{cap.spoken}</span>
            </>
          ) : (
            cap.text
          )}
        </kbd>
      ))}
    </kbd>
  )
}
