/** First run: what Parallax is, what "bring your own key" means, and the way in. */
export const welcomeEn = {
  'welcome.title': 'Welcome to Parallax',
  'welcome.lead':
    'Chat with the models of every major cloud, or send one prompt to several and compare.',
  'welcome.byok.heading': 'Bring your own key',
  'welcome.byok.stored': 'Your keys stay on this machine, encrypted.',
  'welcome.byok.direct':
    'Requests go straight from this machine to the provider, with no server of ours in between.',
  'welcome.steps': 'How it works',
  'welcome.step.connect': 'Add a connection with a key from your provider.',
  'welcome.step.test': 'Test it: you see at once whether the key works.',
  'welcome.step.compare': 'Chat with one model, or compare several side by side.',
  'welcome.add': 'Add a connection',
} as const
